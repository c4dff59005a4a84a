// CSS modules as Vite serves them to the app (this package is type-checked without Vite's client types).
declare module "*.module.css" {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
