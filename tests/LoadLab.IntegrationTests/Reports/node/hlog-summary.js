// Independent check of LoadLab's latency.hlog: the HdrHistogram JavaScript port reads the interval
// log, adds each tag's interval histograms and prints one JSON object per tag (values in the
// log's unit, microseconds). The C# test compares these with the RunResult it wrote the log from.
"use strict";
const fs = require("fs");
const hdr = require("hdr-histogram-js");

const path = process.argv[2];
if (!path) {
  console.error("usage: node hlog-summary.js LATENCY.hlog");
  process.exit(2);
}

const reader = new hdr.HistogramLogReader(fs.readFileSync(path, "utf8"));
const byTag = new Map();
let interval;
while ((interval = reader.nextIntervalHistogram()) !== null) {
  let entry = byTag.get(interval.tag);
  if (!entry) {
    // 64-bit-safe counts; the range matches LoadLab's recorders (1 µs .. 1 h, 3 digits).
    entry = { sum: hdr.build({ bitBucketSize: 64, highestTrackableValue: 3600000000, numberOfSignificantValueDigits: 3 }), intervals: 0, firstStartMs: interval.startTimeStampMsec };
    byTag.set(interval.tag, entry);
  }
  entry.sum.add(interval);
  entry.intervals++;
}

const out = {};
for (const [tag, { sum, intervals, firstStartMs }] of byTag) {
  out[tag] = {
    intervals,
    firstStartMs,
    count: sum.totalCount,
    p50: sum.getValueAtPercentile(50),
    p99: sum.getValueAtPercentile(99),
    max: sum.maxValue,
  };
}
process.stdout.write(JSON.stringify(out));
