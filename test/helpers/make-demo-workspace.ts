// `node --import tsx make-demo-workspace.ts FILE [OPTIONS_JSON]`: demoWorkspaceAt in its own
// process, for demoWorkspaceAtSync (demo-workspace.ts).
import { demoWorkspaceAt } from './demo-workspace.ts';

const [file, options] = process.argv.slice(2);
await demoWorkspaceAt(file, options ? JSON.parse(options) : {});
