/** @type {import('next').NextConfig} */
const nextConfig = {
  // native and WASM-engine packages stay outside the server bundle
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client"],
  poweredByHeader: false,
  reactStrictMode: true,
};
export default nextConfig;
