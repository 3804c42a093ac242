//===--- EditorCaches.h - What a language server worker keeps -------------===//
//
// A worker of the language server analyzes one document again and again.
// Between analyses it keeps the preamble of the document's include block
// and what the last analysis found in each declaration, so that an edit
// costs the parse of what it can change.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_EDITORCACHES_H
#define ASYNC_TIDY_DRIVER_EDITORCACHES_H

#include "BodyReuse.h"
#include "PreambleCache.h"

namespace async_tidy {

struct EditorCaches {
  PreambleCache Preambles;
  BodyReuse Bodies;
  /// Whether the current analysis may use Bodies.
  bool ReuseDeclarations = false;
};

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_EDITORCACHES_H
