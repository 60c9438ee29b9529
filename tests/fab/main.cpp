#define BOOST_TEST_MODULE fab
#include <boost/test/unit_test.hpp>
