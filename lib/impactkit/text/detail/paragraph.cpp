#include <impactkit/text/detail/paragraph.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace impactkit::text::detail {
namespace {

struct Totals {
  double width = 0;
  double stretch = 0;
  double shrink = 0;
};

struct Node {
  std::size_t position = 0;  // item index of the break (0 for the start)
  int line = 0;
  int fitness = 1;
  Totals totals;  // sums from the paragraph start to just after the break
  double demerits = 0;
  double ratio = 0;
  int hyphens_in_row = 0;
  bool flagged = false;
  int previous = -1;  // index into the node store
};

bool is_break(const std::vector<Item>& items, std::size_t i) {
  const Item& item = items[i];
  if (item.type == Item::Type::penalty) return item.penalty < infinite_penalty;
  return item.type == Item::Type::glue && i > 0 && items[i - 1].type == Item::Type::box;
}

int fitness_class(double r) {
  if (r < -0.5) return 0;
  if (r <= 0.5) return 1;
  if (r <= 1) return 2;
  return 3;
}

class Breaker {
 public:
  Breaker(const std::vector<Item>& items, const BreakParams& p) : items_(items), p_(p) {
    sums_.resize(items.size() + 1);
    for (std::size_t i = 0; i < items.size(); ++i) {
      sums_[i + 1] = sums_[i];
      if (items[i].type != Item::Type::penalty) {
        sums_[i + 1].width += items[i].width;
        sums_[i + 1].stretch += items[i].stretch;
        sums_[i + 1].shrink += items[i].shrink;
      }
    }
  }

  // Returns false when no set of breaks stays within `tolerance`.
  bool run(double tolerance, BreakResult& result) {
    nodes_.clear();
    active_.clear();
    nodes_.push_back(Node{});
    active_.push_back(0);
    for (std::size_t i = 0; i < items_.size() && !active_.empty(); ++i) {
      if (is_break(items_, i)) consider(i, tolerance);
    }
    int best = -1;
    for (int a : active_) {
      if (nodes_[a].position == items_.size() - 1 && (best < 0 || nodes_[a].demerits < nodes_[best].demerits)) best = a;
    }
    if (best < 0) return false;
    std::vector<std::size_t> breaks;
    std::vector<double> ratios;
    for (int n = best; n > 0; n = nodes_[n].previous) {
      breaks.push_back(nodes_[n].position);
      ratios.push_back(nodes_[n].ratio);
    }
    result.breaks.assign(breaks.rbegin(), breaks.rend());
    result.ratios.assign(ratios.rbegin(), ratios.rend());
    result.demerits = nodes_[best].demerits;
    return true;
  }

  // First fit, allowing overfull lines: the last resort for text that has
  // no acceptable breaks (a word wider than the line).
  BreakResult first_fit() const {
    BreakResult result;
    std::size_t start = 0;
    std::size_t last_fit = 0;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      if (!is_break(items_, i)) continue;
      const double width = line_width_between(start, i);
      const bool forced = items_[i].penalty <= -infinite_penalty;
      if (width > p_.line_width && last_fit != 0 && last_fit != i) {
        result.breaks.push_back(last_fit);
        result.ratios.push_back(0);
        start = after_break(last_fit);
        last_fit = 0;
        if (line_width_between(start, i) > p_.line_width) result.overfull = true;
      } else if (width > p_.line_width) {
        result.overfull = true;
      }
      if (forced) {
        result.breaks.push_back(i);
        result.ratios.push_back(0);
        break;
      }
      last_fit = i;
    }
    return result;
  }

 private:
  // Sums up to index `i` (exclusive).
  const Totals& sum(std::size_t i) const { return sums_[i]; }

  // Where a line that starts after a break at `b` begins: glue and
  // penalties after a break vanish.
  std::size_t after_break(std::size_t b) const {
    std::size_t i = b + 1;
    while (i < items_.size() && items_[i].type != Item::Type::box &&
           !(items_[i].type == Item::Type::penalty && items_[i].penalty <= -infinite_penalty))
      ++i;
    return i;
  }

  double line_width_between(std::size_t start, std::size_t b) const {
    const double pen = items_[b].type == Item::Type::penalty ? items_[b].width : 0;
    return sum(b).width - sum(start).width + pen;
  }

  // A single-word last line: no glue between its start and the end.
  bool is_runt(std::size_t start, std::size_t end) const {
    int words = 0;
    for (std::size_t i = start; i < end; ++i) {
      if (is_break(items_, i) && items_[i].type == Item::Type::glue) ++words;
    }
    return words <= 1;  // the final glue counts as one
  }

  void consider(std::size_t b, double tolerance) {
    const Item& item = items_[b];
    const bool forced = item.type == Item::Type::penalty && item.penalty <= -infinite_penalty;
    const bool last = b == items_.size() - 1;
    std::array<int, 4> best_node{-1, -1, -1, -1};
    std::array<double, 4> best_demerits{};
    std::array<double, 4> best_ratio{};
    double least = std::numeric_limits<double>::infinity();

    for (std::size_t k = 0; k < active_.size();) {
      const Node& node = nodes_[active_[k]];
      const std::size_t start = node.position == 0 ? 0 : after_break(node.position);
      const double width = line_width_between(start, b);
      const Totals& from = sum(start);
      const Totals& to = sum(b);
      double ratio = 0;
      if (width < p_.line_width) {
        double stretch = to.stretch - from.stretch + (p_.justify ? 0 : p_.ragged_stretch);
        ratio = last ? 0 : (stretch > 0 ? (p_.line_width - width) / stretch : std::numeric_limits<double>::infinity());
      } else if (width > p_.line_width) {
        const double shrink = to.shrink - from.shrink;
        ratio = shrink > 0 ? (p_.line_width - width) / shrink : -std::numeric_limits<double>::infinity();
      }
      const bool deactivate = ratio < -1 || forced;
      if (ratio >= -1 && ratio <= tolerance) {
        const double badness = 100 * std::pow(std::abs(ratio), 3);
        double demerits = std::pow(p_.line_penalty + badness, 2);
        if (item.type == Item::Type::penalty && !forced) {
          demerits += (item.penalty >= 0 ? 1 : -1) * item.penalty * item.penalty;
        }
        const int hyphens = item.flagged ? node.hyphens_in_row + 1 : 0;
        if (item.flagged && node.flagged) demerits += p_.flagged_demerits;
        const int fitness = fitness_class(ratio);
        if (std::abs(fitness - node.fitness) > 1) demerits += p_.fitness_demerits;
        if (last && node.line > 0 && is_runt(start, b)) demerits += p_.runt_demerits;
        demerits += node.demerits;
        if (hyphens <= p_.max_consecutive_hyphens && (best_node[fitness] < 0 || demerits < best_demerits[fitness])) {
          best_node[fitness] = active_[k];
          best_demerits[fitness] = demerits;
          best_ratio[fitness] = ratio;
          least = std::min(least, demerits);
        }
      }
      if (deactivate) {
        active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(k));
      } else {
        ++k;
      }
    }
    for (int f = 0; f < 4; ++f) {
      if (best_node[f] < 0 || best_demerits[f] > least + p_.fitness_demerits) continue;
      const Node& prev = nodes_[best_node[f]];
      Node node;
      node.position = b;
      node.line = prev.line + 1;
      node.fitness = f;
      node.demerits = best_demerits[f];
      node.ratio = last ? 0 : best_ratio[f];
      node.flagged = item.flagged;
      node.hyphens_in_row = item.flagged ? prev.hyphens_in_row + 1 : 0;
      node.previous = best_node[f];
      nodes_.push_back(node);
      active_.push_back(static_cast<int>(nodes_.size() - 1));
    }
  }

  const std::vector<Item>& items_;
  const BreakParams& p_;
  std::vector<Totals> sums_;
  std::vector<Node> nodes_;
  std::vector<int> active_;
};

}  // namespace

BreakResult break_paragraph(const std::vector<Item>& items, const BreakParams& params) {
  Breaker breaker(items, params);
  // A tight tolerance first: most paragraphs set well; looser ones only
  // when needed, at last lines as loose as it takes (rather than more
  // hyphens in a row than allowed); first fit (with overfull lines) when
  // nothing else works: a word wider than the line.
  // Breaks that leave a lone last word are kept only when looser lines
  // cannot avoid it (runt demerits above everything else say it must be).
  std::optional<BreakResult> found;
  for (double tolerance : {2.0, 5.0, 30.0, std::numeric_limits<double>::infinity()}) {
    BreakResult result;
    if (!breaker.run(tolerance, result)) continue;
    if (!params.avoid_runt || result.demerits < params.runt_demerits) return result;
    if (!found) found = std::move(result);
  }
  return found ? *std::move(found) : breaker.first_fit();
}

}  // namespace impactkit::text::detail
