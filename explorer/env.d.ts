// Vite bundles the stylesheet that main.tsx imports; TypeScript only needs to know it exists.
declare module '*.css';
