#define BOOST_TEST_MODULE content
#include <boost/test/unit_test.hpp>
