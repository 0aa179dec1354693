import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

const ROOT = path.resolve(__dirname, '..', '..');

const CONFIG = {
  strictScalars: true,
  scalars: { LocalDate: 'string', DateTimeISO: 'string', Yuan: 'string', JSONObject: 'Record<string, unknown>', Upload: 'Blob' },
  enumsAsTypes: true,
  avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
};

/** GraphQL Code Generator settings a partner uses against schema.graphql: every scalar mapped, none `any`. */
export const CODEGEN_CONFIG: CodegenConfig = {
  schema: path.join(ROOT, 'schema.graphql'),
  documents: path.join(ROOT, 'test', 'clients', 'operations.graphql'),
  silent: true,
  generates: {
    // typescript-operations 6 is standalone: it writes the input and enum types its operations use,
    // so the full schema types (the `typescript` plugin) go to a file of their own.
    [path.join(ROOT, 'test', 'clients', 'generated', 'operations.ts')]: { plugins: ['typescript-operations'], config: { ...CONFIG } },
    [path.join(ROOT, 'test', 'clients', 'generated', 'schema.ts')]: { plugins: ['typescript'], config: { ...CONFIG } },
  },
};

/** The generated files by path, as strings (nothing written), or written to generated/operations.ts and generated/schema.ts. */
export async function runCodegen(write: boolean): Promise<Record<string, string>> {
  // Loaded lazily: the CLI package is heavy and only this test and the script need it.
  const { generate } = await import('@graphql-codegen/cli');
  const files = (await generate(CODEGEN_CONFIG, write)) as { filename: string; content: string }[];
  return Object.fromEntries(files.map((f) => [path.resolve(f.filename), f.content]));
}

export const GENERATED_FILES = Object.keys(CODEGEN_CONFIG.generates as object);

if (require.main === module) {
  // `--stdout`: print the generated files as JSON instead of writing them (what the test compares).
  const toStdout = process.argv.includes('--stdout');
  runCodegen(!toStdout).then(
    (files) => console.log(toStdout ? JSON.stringify(files) : `wrote ${GENERATED_FILES.map((f) => path.relative(ROOT, f)).join(', ')}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
