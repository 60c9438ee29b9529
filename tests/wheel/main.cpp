#define BOOST_TEST_MODULE wheel
#include <boost/test/unit_test.hpp>
