#pragma once
// The template model is content's (content/template.hpp): content loads and
// checks the templates with the roadshow, layout draws them. These names
// keep the products' spelling, layout::Template.

#include <impactkit/content/template.hpp>

namespace impactkit::layout {

using content::Area;
using content::Element;
using content::paper_size;
using content::PaperSize;
using content::Template;

}  // namespace impactkit::layout
