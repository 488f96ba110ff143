#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <vector>

// Figures the benchmarks print.
namespace br::bench {

// The process's peak resident set so far, in MiB.
inline double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The p-quantile (0..1) of `values`, nearest rank.
inline double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0
                          : values[static_cast<size_t>(p * static_cast<double>(values.size() - 1))];
}

} // namespace br::bench
