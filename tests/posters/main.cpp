#define BOOST_TEST_MODULE posters
#include <boost/test/unit_test.hpp>
