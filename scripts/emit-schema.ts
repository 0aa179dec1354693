import fs from 'node:fs';
import { SCHEMA_FILE, buildAppSchema, printAppSchema } from '../src/schema';

buildAppSchema()
  .then((schema) => {
    fs.writeFileSync(SCHEMA_FILE, printAppSchema(schema));
    console.log(`wrote ${SCHEMA_FILE}`);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
