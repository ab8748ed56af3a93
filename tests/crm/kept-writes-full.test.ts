import { keptWritesSuite } from "./support/kept-writes-suite";

/** Nothing lost on write, and lists read tolerantly, against the sandbox in its full mode (see the suite). */
keptWritesSuite({ strictDocs: false });
