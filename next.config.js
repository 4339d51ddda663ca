import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads its request config (locale, messages, formats) from ./i18n/request.ts
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // native and WASM-engine packages stay outside the server bundle
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client", "@open-spaced-repetition/binding", "@node-rs/jieba"],
  poweredByHeader: false,
  reactStrictMode: true,
};
export default withNextIntl(nextConfig);
