import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads its request config (locale, messages, formats) from ./i18n/request.ts
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // native and WASM-engine packages, and the notes-folder watcher, stay outside the server bundle
  serverExternalPackages: ["chokidar", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client", "@open-spaced-repetition/binding", "@node-rs/jieba"],
  poweredByHeader: false,
  experimental: {
    // Next.js buffers a request body for proxy.ts and hands the route only this many bytes of
    // it (10 MB by default), silently. The limit is 1 MB above the largest body a route accepts
    // (a 50 MB history file, lib/history/schemas.ts): a body it cuts short is still over the
    // route's own limit and refused with 413 (server/http.ts readBody), never parsed.
    proxyClientMaxBodySize: 51 * 1024 * 1024,
  },
  reactStrictMode: true,
  // the icon is app/icon.svg (pages link it); a client that asks for the old name gets it too, not a 404
  async redirects() {
    return [{ source: "/favicon.ico", destination: "/icon.svg", permanent: false }];
  },
};
export default withNextIntl(nextConfig);
