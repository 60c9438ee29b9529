#include <impactkit/text/detail/columns.hpp>

#include <algorithm>

namespace impactkit::text::detail {
namespace {

class Planner {
 public:
  explicit Planner(const ColumnInput& in) : in_(in), n_(static_cast<int>(in.block_of_line.size())) {
    for (int i = 0; i < n_; ++i) {
      const int block = in.block_of_line[i];
      lines_in_block_.resize(std::max<std::size_t>(lines_in_block_.size(), block + 1), 0);
      ++lines_in_block_[block];
    }
  }

  // Height of a column holding lines [from, to).
  double height(int from, int to) const {
    if (to <= from) return 0;
    double h = in_.ascent + in_.descent;
    for (int i = from + 1; i < to; ++i) h += step(i);
    return h;
  }

  // Fills columns no taller than `limit`; returns the plan (placed < n
  // when the lines need more columns than there are).
  ColumnPlan fill(double limit) const {
    ColumnPlan plan;
    int start = 0;
    for (int col = 0; col < in_.columns && start < n_; ++col) {
      int end = start;
      while (end < n_ && height(start, end + 1) <= limit + 1e-6) ++end;
      if (end == start) break;  // not even one line fits: the rest is overflow
      if (end < n_) end = keep_together(start, end);
      double y = in_.ascent;
      for (int i = start; i < end; ++i) {
        if (i > start) y += step(i);
        plan.column.push_back(col);
        plan.baseline.push_back(y);
      }
      plan.height = std::max(plan.height, height(start, end));
      start = end;
    }
    plan.placed = start;
    return plan;
  }

  int count() const { return n_; }

 private:
  double step(int i) const {
    return in_.leading + (in_.block_of_line[i] != in_.block_of_line[i - 1] ? in_.block_gap : 0);
  }
  bool first_of_block(int i) const { return i == 0 || in_.block_of_line[i] != in_.block_of_line[i - 1]; }
  bool last_of_block(int i) const { return i == n_ - 1 || in_.block_of_line[i] != in_.block_of_line[i + 1]; }
  int block_size(int i) const { return lines_in_block_[in_.block_of_line[i]]; }

  // Moves the column's end up so that no paragraph leaves an orphan at the
  // foot or a widow at the head of the next column.
  int keep_together(int start, int end) const {
    for (int guard = 0; guard < 3 && end - 1 > start; ++guard) {
      const bool orphan = first_of_block(end - 1) && block_size(end - 1) > 1;
      const bool widow = last_of_block(end) && !first_of_block(end);
      if (!orphan && !widow) break;
      --end;
    }
    return end;
  }

  const ColumnInput& in_;
  int n_;
  std::vector<int> lines_in_block_;
};

}  // namespace

ColumnPlan plan_columns(const ColumnInput& input) {
  Planner planner(input);
  if (planner.count() == 0) return {};
  if (input.columns <= 1) return planner.fill(input.box_height);
  // Balance: the lowest column height at which all lines fit in the columns.
  double lo = 0;
  double hi = planner.height(0, planner.count());
  if (planner.fill(hi).placed < planner.count()) return planner.fill(input.box_height);
  for (int i = 0; i < 40 && hi - lo > 0.01; ++i) {
    const double mid = (lo + hi) / 2;
    (planner.fill(mid).placed == planner.count() ? hi : lo) = mid;
  }
  if (hi <= input.box_height + 1e-6) return planner.fill(hi);
  return planner.fill(input.box_height);
}

}  // namespace impactkit::text::detail
