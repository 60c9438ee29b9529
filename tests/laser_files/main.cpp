#define BOOST_TEST_MODULE laser_files
#include <boost/test/unit_test.hpp>
