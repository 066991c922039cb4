// Copy the data files that live beside the sources (the `bulwark init` templates) into dist,
// which tsc does not do. Run after `tsc` by `npm run build`.
import { cpSync } from 'node:fs';

cpSync('src/templates', 'dist/templates', {
  recursive: true,
  filter: (source) => !source.endsWith('.ts'),
});
