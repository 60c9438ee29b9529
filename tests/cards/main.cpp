#define BOOST_TEST_MODULE cards
#include <boost/test/unit_test.hpp>
