import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, testDatabase } from '../helpers/store.js';

test('tag aliases: several per tag, none for a name without a tag, the first recorded wins', async () => {
  const place = testDatabase();
  const store = await place.open();
  try {
    await store.saveArticles([article({ tags: ['الشرق الأوسط', 'رياضة'] })]);
    await store.addTagAliases([
      { alias: 'middle-east', name: 'الشرق الأوسط' },
      { alias: 'الشرق-الأوسط', name: 'الشرق الاوسط' }, // another spelling of the same tag
      { alias: 'weather', name: 'طقس' }, // no such tag here
      { alias: '', name: 'رياضة' },
    ]);
    assert.equal(await store.tagNameByAlias('middle-east'), 'الشرق الأوسط');
    assert.equal(await store.tagNameByAlias('الشرق-الأوسط'), 'الشرق الأوسط');
    assert.equal(await store.tagNameByAlias('weather'), null);
    await store.addTagAliases([{ alias: 'middle-east', name: 'رياضة' }]);
    assert.equal(await store.tagNameByAlias('middle-east'), 'الشرق الأوسط', 'not taken over by a later import');
    await store.addTagAliases([]);
  } finally {
    await store.close();
    await place.drop();
  }
});
