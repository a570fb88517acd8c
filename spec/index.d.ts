/** Absolute path of `dist/openapi.json`: the bundled document, shared pieces under `components`. */
export declare const specFile: string;
/** Absolute path of `dist/openapi.yaml`: the same document as YAML. */
export declare const specYamlFile: string;
/** Absolute path of `dist/openapi.dereferenced.json`: every `$ref` resolved inline. */
export declare const dereferencedSpecFile: string;
