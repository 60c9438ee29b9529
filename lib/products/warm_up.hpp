#pragma once
// Start-up work that does not depend on the content, begun on another core
// while the content is read: fontconfig's cache, the hyphenation patterns of
// the languages a content root has locale files for, and libqpdf. A build
// of one poster spends about a third of its time on these.

#include <filesystem>
#include <future>

namespace impactkit::products {

// Starts the work; the returned future is done when it is. Products wait
// for nothing: each part they need blocks only until it is ready.
std::future<void> warm_up(const std::filesystem::path& content_root);

}  // namespace impactkit::products
