/**
 * The anchor: Debian's nginx (nginx-light) serving the same page bytes as a
 * static file, started here on 127.0.0.1 with a config of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

export function startNginx(dir: string, file: string, port: number): ChildProcess {
  if (!NGINX) throw new Error('nginx is not installed (apt-get install nginx-light)');
  // nginx's workers run as an unprivileged user: the page must be readable to them.
  chmodSync(dir, 0o755);
  chmodSync(file, 0o644);
  const prefix = path.join(dir, 'nginx');
  mkdirSync(path.join(prefix, 'logs'), { recursive: true });
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes auto;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    location / { root ${path.dirname(file)}; default_type "text/html; charset=utf-8"; try_files /${path.basename(file)} =404; }
  }
}
`,
  );
  return spawn(NGINX, ['-p', prefix, '-c', conf], { stdio: ['ignore', 'ignore', 'inherit'] });
}
