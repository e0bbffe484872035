// The rank of a dense matrix, for the suppression tests' independent
// (double-precision) attacker.
#pragma once

#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

namespace verbind::test {

// Gaussian elimination with partial pivoting (entries are small integers,
// so a tolerance of 1e-9 is safe).
inline std::size_t rank_of(std::vector<std::vector<double>> m) {
    std::size_t rank = 0;
    const std::size_t cols = m.empty() ? 0 : m[0].size();
    for (std::size_t c = 0; c < cols && rank < m.size(); ++c) {
        std::size_t pivot = rank;
        for (std::size_t r = rank; r < m.size(); ++r)
            if (std::abs(m[r][c]) > std::abs(m[pivot][c])) pivot = r;
        if (std::abs(m[pivot][c]) < 1e-9) continue;
        std::swap(m[pivot], m[rank]);
        for (std::size_t r = 0; r < m.size(); ++r) {
            if (r == rank) continue;
            const double f = m[r][c] / m[rank][c];
            for (std::size_t k = c; k < cols; ++k) m[r][k] -= f * m[rank][k];
        }
        ++rank;
    }
    return rank;
}

}  // namespace verbind::test
