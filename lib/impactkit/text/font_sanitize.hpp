#pragma once
// Fonts from a content root are untrusted: one changed byte in a font file
// crashed cairo's font subsetter. Each such font goes through the OpenType
// Sanitizer (Debian's opentype-sanitizer, the one browsers use) before
// FreeType, HarfBuzz or cairo sees it, and only its sanitised bytes are
// opened. The project's own fonts (its fonts/, Debian's) are trusted.

#include <filesystem>
#include <memory>
#include <string>
#include <variant>

namespace impactkit::text {

// The sanitised bytes of a font, or why the font was refused (a sentence
// that names the file).
using SanitisedFont = std::variant<std::shared_ptr<const std::string>, std::string>;

// Runs `ots-sanitize` on a copy of `file` (a child process, no shell, killed
// after a few seconds). Each distinct font (by its bytes' digest) is
// sanitised once per process. Never throws for a bad font: a refusal is
// the string.
SanitisedFont sanitise_font(const std::filesystem::path& file);

// Where ots-sanitize is looked for: IMPACTKIT_OTS_SANITIZE if set, else
// /usr/bin/ots-sanitize.
std::filesystem::path ots_sanitize_program();

}  // namespace impactkit::text
