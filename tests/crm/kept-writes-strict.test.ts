import { keptWritesSuite } from "./support/kept-writes-suite";

/** Nothing lost on write, and lists read tolerantly, against the sandbox with SANDBOX_STRICT_DOCS=1 (see the suite). */
keptWritesSuite({ strictDocs: true });
