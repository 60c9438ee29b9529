#define BOOST_TEST_MODULE exhibit
#include <boost/test/unit_test.hpp>
