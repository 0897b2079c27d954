// Read a GEXF file with graphology-gexf (Gephi Lite's parser) and print what it got as JSON:
// the graph's type and attributes (its <meta>), its nodes and edges with theirs.
// Usage: node read_gexf.js FILE.gexf
const fs = require("fs");
const { MultiGraph } = require("graphology");
const gexf = require("graphology-gexf");

const graph = gexf.parse(MultiGraph, fs.readFileSync(process.argv[2], "utf-8"));
const out = { type: graph.type, attributes: graph.getAttributes(), nodes: {}, edges: {} };
graph.forEachNode((key, attributes) => {
  out.nodes[key] = attributes;
});
graph.forEachEdge((key, attributes, source, target, sa, ta, undirected) => {
  out.edges[key] = { source, target, undirected, attributes };
});
process.stdout.write(JSON.stringify(out));
