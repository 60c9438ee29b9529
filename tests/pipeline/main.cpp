#define BOOST_TEST_MODULE build
#include <boost/test/unit_test.hpp>
