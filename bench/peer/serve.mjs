// Starts Platformatic DB, the benchmark's peer, through its programmatic API (create + start), as
// its documentation shows: node serve.mjs PLATFORMATIC_DB_PACKAGE_FOLDER CONFIG_FOLDER.
// The config folder holds platformatic.json (written by bench/lib/setup.sh).
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'

const [packageFolder, configFolder] = process.argv.slice(2)
const { create } = await import(pathToFileURL(join(packageFolder, 'index.js')).href)
const app = await create(configFolder, join(configFolder, 'platformatic.json'))
await app.init()
await app.start({ listen: true })
const stop = async () => { await app.stop(); process.exit(0) }
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
