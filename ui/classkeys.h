// ClassKeys: the key that chooses each class in the review window. When every class is named by
// one digit (the digits demo, MNIST-like sets), a class's key is its own name, so "2" chooses class
// "2" and "0" has a key too; otherwise the first ten classes take 1–9 then 0 by position, and the
// rest are chosen by search (/). Letters are never used: they are the decision keys.
#pragma once

#include <QList>
#include <QStringList>

namespace Boucle::ClassKeys {

// One Qt key (Qt::Key_0 … Qt::Key_9) per class, in the classes' order; 0 for a class with no key.
QList<int> keysFor(const QStringList &classes);

} // namespace Boucle::ClassKeys
