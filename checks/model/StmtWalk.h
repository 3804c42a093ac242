//===--- StmtWalk.h - Statement walks that keep their own stack -*- C++ -*-===//
//
// Generated code nests expressions tens of thousands deep ('a + b + c ...'),
// which Clang parses fine; a walk that recurses once per level overflows the
// stack first. These walks keep an explicit work list and visit in the order
// a recursive walk would: pre-order, children left to right.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_TIDY_CHECKS_MODEL_STMTWALK_H
#define ASYNC_TIDY_CHECKS_MODEL_STMTWALK_H

#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async {

enum class WalkAction { Descend, Skip, Stop };

/// The non-null children of \p S: what a walk descends into by default.
inline void childrenOf(const Stmt &S,
                       llvm::SmallVectorImpl<const Stmt *> &Out) {
  for (const Stmt *Child : S.children())
    if (Child)
      Out.push_back(Child);
}

/// Calls \p Enter(Node, Parent) on \p Root (Parent null) and its
/// descendants; Enter says whether to descend into the node's children
/// (which \p Children lists), skip them, or stop the walk. \p Leave(Node)
/// runs once a descended node's children are done. Returns false if stopped.
template <typename EnterFn, typename LeaveFn, typename ChildrenFn>
bool walkStatements(const Stmt &Root, EnterFn Enter, LeaveFn Leave,
                    ChildrenFn Children) {
  struct Item {
    const Stmt *Node;
    const Stmt *Parent;
    bool Leaving;
  };
  llvm::SmallVector<Item, 64> Work{{&Root, nullptr, false}};
  llvm::SmallVector<const Stmt *, 8> Next;
  while (!Work.empty()) {
    Item Top = Work.pop_back_val();
    if (Top.Leaving) {
      Leave(*Top.Node);
      continue;
    }
    WalkAction Action = Enter(*Top.Node, Top.Parent);
    if (Action == WalkAction::Stop)
      return false;
    if (Action == WalkAction::Skip)
      continue;
    Work.push_back({Top.Node, Top.Parent, true});
    Next.clear();
    Children(*Top.Node, Next);
    for (auto It = Next.rbegin(); It != Next.rend(); ++It)
      Work.push_back({*It, Top.Node, false});
  }
  return true;
}

/// The common case: no Leave, every non-null child.
template <typename EnterFn>
bool walkStatements(const Stmt &Root, EnterFn Enter) {
  return walkStatements(Root, Enter, [](const Stmt &) {}, childrenOf);
}

} // namespace clang::tidy::async

#endif // ASYNC_TIDY_CHECKS_MODEL_STMTWALK_H
