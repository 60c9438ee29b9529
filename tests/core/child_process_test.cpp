#include <impactkit/core/child_process.hpp>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

using impactkit::find_program;
using impactkit::ProgramOptions;
using impactkit::ProgramRun;
using impactkit::run_program;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(child_process)

BOOST_AUTO_TEST_CASE(feeds_input_and_keeps_output) {
  ProgramOptions options;
  options.input = "line one\nline two\n";
  const ProgramRun run = run_program("/bin/cat", {}, options);
  BOOST_TEST(run.succeeded());
  BOOST_TEST(run.output == "line one\nline two\n");
}

BOOST_AUTO_TEST_CASE(merges_error_output_and_reports_the_exit_status) {
  const ProgramRun run = run_program("/bin/sh", {"-c", "echo out; echo err >&2; exit 7"});
  BOOST_TEST((run.end == ProgramRun::End::exited));
  BOOST_TEST(run.status == 7);
  BOOST_TEST(!run.succeeded());
  BOOST_TEST(run.output == "out\nerr\n");
}

BOOST_AUTO_TEST_CASE(kills_a_child_at_its_deadline) {
  ProgramOptions options;
  options.timeout = 300ms;
  const auto start = std::chrono::steady_clock::now();
  const ProgramRun run = run_program("/bin/sleep", {"30"}, options);
  const auto took = std::chrono::steady_clock::now() - start;
  BOOST_TEST((run.end == ProgramRun::End::timed_out));
  BOOST_TEST(took < 10s);  // killed, not waited for: a bound, not a speed measure
}

BOOST_AUTO_TEST_CASE(ends_a_child_at_its_cpu_limit) {
  ProgramOptions options;
  options.cpu_limit = std::chrono::seconds(1);
  options.timeout = 60s;
  const ProgramRun run = run_program("/bin/sh", {"-c", "while :; do :; done"}, options);
  BOOST_TEST((run.end == ProgramRun::End::over_cpu_limit));
  // A child that sleeps uses no CPU: only the clock ends it.
  options.timeout = 300ms;
  const ProgramRun sleeper = run_program("/bin/sleep", {"30"}, options);
  BOOST_TEST((sleeper.end == ProgramRun::End::timed_out));
}

BOOST_AUTO_TEST_CASE(kills_a_child_that_closed_its_output_and_hangs) {
  ProgramOptions options;
  options.timeout = 300ms;
  const ProgramRun run = run_program("/bin/sh", {"-c", "exec >/dev/null 2>&1; sleep 30"}, options);
  BOOST_TEST((run.end == ProgramRun::End::timed_out));
}

BOOST_AUTO_TEST_CASE(keeps_at_most_max_output_and_never_blocks_on_a_full_pipe) {
  ProgramOptions options;
  options.max_output = 1000;
  const ProgramRun run = run_program("/usr/bin/head", {"-c", "5000000", "/dev/zero"}, options);
  BOOST_TEST(run.succeeded());
  BOOST_TEST(run.output.size() == 1000u);
}

BOOST_AUTO_TEST_CASE(a_child_that_reads_no_input_does_not_kill_the_parent) {
  // Several megabytes to a child that exits at once: SIGPIPE would end this
  // test process if the input were written to a pipe with write().
  const std::string big(8 << 20, 'x');
  ProgramOptions options;
  options.input = big;
  const ProgramRun run = run_program("/bin/true", {}, options);
  BOOST_TEST(run.succeeded());
}

BOOST_AUTO_TEST_CASE(reports_a_signal_and_a_program_that_cannot_start) {
  const ProgramRun killed = run_program("/bin/sh", {"-c", "kill -9 $$"});
  BOOST_TEST((killed.end == ProgramRun::End::signalled));
  const ProgramRun missing = run_program("/nonexistent/tool", {});
  BOOST_TEST((missing.end == ProgramRun::End::not_started));
}

BOOST_AUTO_TEST_CASE(finds_programs_in_path_only) {
  BOOST_TEST(find_program("sh").has_value());
  BOOST_TEST(!find_program("impactkit-no-such-tool").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
