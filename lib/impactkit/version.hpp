#pragma once
// The version of impactkit. The top CMakeLists.txt reads it from here, so
// that this line is the one place it is set.
namespace impactkit {
inline constexpr const char* version = "0.1.0";
}
