// Vite's `?worker` imports (vite/client declares them too, but the workspace tsconfig does not load it).
declare module '*?worker' {
  const WorkerFactory: new (options?: { name?: string }) => Worker;
  export default WorkerFactory;
}
