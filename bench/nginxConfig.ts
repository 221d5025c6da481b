/**
 * The nginx site of docs/deployment.md, as one function so that the recipe and `npm run bench:nginx`
 * cannot drift apart: the bench writes exactly this into its temporary folder, and
 * `npm run bench:nginx -- --print-config` prints it with the production values of the recipe.
 */
export type NginxSiteOptions = {
  /** `listen` argument: `80` in production, `127.0.0.1:PORT` in the bench. */
  listen: string
  /** The app instances, host:port. */
  upstreams: string[]
  /** Where the microcache keeps its files. */
  cacheDir: string
  /**
   * Cache 200 answers this many seconds whatever the app says (ignores Cache-Control). Only for
   * comparison in the bench: the recipe honours the app's headers.
   */
  forceSeconds?: number
}

export function nginxSite({ listen, upstreams, cacheDir, forceSeconds }: NginxSiteOptions): string {
  const forced = forceSeconds
    ? `
        # Bench comparison only: cache 200s for ${forceSeconds} s whatever the app says.
        proxy_ignore_headers Cache-Control Expires;
        proxy_cache_valid 200 ${forceSeconds}s;`
    : ''
  return `# Cổng tin behind nginx: several app instances on one PostgreSQL, with a microcache.
proxy_cache_path ${cacheDir} levels=1:2 keys_zone=cong_tin_pages:16m max_size=512m inactive=10m use_temp_path=off;

upstream cong_tin {
${upstreams.map((upstream) => `    server ${upstream} max_fails=3 fail_timeout=5s;`).join('\n')}
    keepalive 64;
}

server {
    listen ${listen};
    server_name _;
    client_max_body_size 64m;

    # The app compresses its pages and assets itself.
    gzip off;
    gzip_static off;

    # Shared by every location: the app needs the reader's Host (it picks the site by it) and address.
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_next_upstream error timeout http_502 http_503;

    # Admin, REST and GraphQL API, Next.js assets: never through the cache.
    location ~ ^/(admin|api|_next)(/|$) {
        proxy_pass http://cong_tin;
        proxy_read_timeout 120s;
    }

    # Public pages: the microcache keeps what the app allows (Cache-Control s-maxage), serves a
    # stale copy while one request refreshes it, and lets one request at a time fill a missing one.
    location / {
        proxy_pass http://cong_tin;
        proxy_cache cong_tin_pages;
        proxy_cache_key $scheme://$host$request_uri;
        proxy_cache_methods GET HEAD;
        proxy_cache_revalidate on;
        proxy_cache_use_stale updating error timeout http_500 http_502 http_503 http_504;
        proxy_cache_background_update on;
        proxy_cache_lock on;
        proxy_cache_lock_timeout 5s;
        proxy_cache_lock_age 5s;
        # Signed-in staff see previews: never cached, never served from the cache.
        proxy_cache_bypass $cookie_payload_token;
        proxy_no_cache $cookie_payload_token;${forced}
        add_header X-Cache-Status $upstream_cache_status always;
    }
}
`
}

/** The main configuration of a bench nginx: unprivileged, in the foreground, everything in `dir`. */
export function nginxMain(dir: string, site: string): string {
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;

events {
    worker_connections 4096;
}

http {
    access_log off;
    default_type application/octet-stream;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;

${site.replace(/^/gm, '    ').replace(/^\s+$/gm, '')}
}
`
}
