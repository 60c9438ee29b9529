// Loads a content root through the installed impactkit library and prints
// the number of cases and the first case's title.
#include <impactkit/content/loader.hpp>
#include <impactkit/version.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) return 64;
  impactkit::Diagnostics diagnostics;
  const auto roadshow = impactkit::content::load_roadshow(argv[1], diagnostics);
  if (diagnostics.has_errors()) return 2;
  std::cout << "impactkit " << impactkit::version << ": " << roadshow.cases.size()
            << " case(s), first: " << roadshow.cases.at(0).title.get() << "\n";
  return 0;
}
