#include "cli/suggest.h"

#include <algorithm>
#include <vector>

namespace LockWatch::Cli {

namespace {

constexpr int MaxSuggestedDistance = 2;

// Optimal string alignment distance: insertions, deletions, substitutions and
// transpositions of adjacent characters each cost one.
int editDistance(const QString &a, const QString &b)
{
    const qsizetype n = a.size(), m = b.size();
    std::vector<std::vector<int>> d(size_t(n + 1), std::vector<int>(size_t(m + 1)));
    for (qsizetype i = 0; i <= n; ++i)
        d[size_t(i)][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][size_t(j)] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int best = std::min({ d[size_t(i - 1)][size_t(j)] + 1, d[size_t(i)][size_t(j - 1)] + 1,
                                  d[size_t(i - 1)][size_t(j - 1)] + cost });
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                best = std::min(best, d[size_t(i - 2)][size_t(j - 2)] + 1);
            d[size_t(i)][size_t(j)] = best;
        }
    }
    return d[size_t(n)][size_t(m)];
}

} // namespace

QString nearestWord(const QString &word, const QStringList &candidates)
{
    const QString lower = word.toLower();
    QString best;
    int bestDistance = MaxSuggestedDistance + 1;
    bool tie = false;
    for (const QString &candidate : candidates) {
        const int distance = editDistance(lower, candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
            tie = false;
        } else if (distance == bestDistance) {
            tie = true;
        }
    }
    return tie || bestDistance > MaxSuggestedDistance ? QString() : best;
}

} // namespace LockWatch::Cli
