#pragma once

// The coverage key of the view article_coverage `v` chosen by a bound parameter (never spliced
// from input): `param` is the parameter's placeholder, e.g. "?1". Used by the coverage table and
// by the article filter that shows one of its cells, so the two always count the same articles.
#define BR_COVERAGE_KEY(param)                                                                     \
    "CASE " param " WHEN 'county' THEN v.county WHEN 'town' THEN v.town WHEN 'unit' THEN v.unit "  \
    "WHEN 'month' THEN v.month ELSE v.publication END"
