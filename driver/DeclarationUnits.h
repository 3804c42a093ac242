//===--- DeclarationUnits.h - The main file cut at its declarations -------===//
//
// After an edit inside one function body the language server parses again
// only the declarations the edit can reach (BodyReuse.h). The pieces it
// reasons about are the main file's top-level declarations (inside
// namespaces and extern blocks): a function, a whole class with its inline
// members, a variable. Declarations whose text overlaps (two spelled by one
// macro, a class and a variable declared together) are one unit.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_DECLARATIONUNITS_H
#define ASYNC_TIDY_DRIVER_DECLARATIONUNITS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/BitVector.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace async_tidy {

/// [Begin, End) in bytes of the main file.
using TextRange = std::pair<unsigned, unsigned>;

struct DeclarationUnit {
  TextRange Extent;
  /// The insides of its function bodies, between the braces.
  std::vector<TextRange> Bodies;
  /// The units it refers to, sorted.
  std::vector<unsigned> Uses;
  /// Names it leaves to template instantiation, and names it declares:
  /// a dependent name may resolve to any declaration so named.
  std::vector<std::string> DependentNames, Declares;
  /// Whether it defines a function, declares a member function or leaves
  /// names to instantiation. A unit without code (variables, aliases,
  /// enumerations, plain structs, declarations of free functions) is
  /// read by the units that refer to it but connects them to nothing: the
  /// checks read a variable's or a type's declaration, never the other
  /// bodies that use it.
  bool HasCode = false;
};

/// The extents of the main file's units, in text order.
std::vector<TextRange> unitExtents(clang::ASTContext &Context);

/// Fills in Bodies, Uses, DependentNames and Declares of the units whose
/// index is set in \p Describe; references are placed by the extents of all
/// of \p Units, which are those of unitExtents in the same order.
void describeUnits(clang::ASTContext &Context,
                   std::vector<DeclarationUnit> &Units,
                   const llvm::BitVector &Describe);

/// The unit whose extent holds \p Offset.
std::optional<unsigned> unitAt(llvm::ArrayRef<DeclarationUnit> Units,
                               unsigned Offset);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_DECLARATIONUNITS_H
