// Integration tests run against dist/, exactly what clasp pushes: build it first
// so `vitest --project integration` alone never tests a stale bundle.
export default async function setup(): Promise<void> {
  // @ts-expect-error build.mjs is plain JavaScript without types
  const { build } = await import('../../build.mjs');
  await build();
}
