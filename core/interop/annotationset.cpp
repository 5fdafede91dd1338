#include "annotationset.h"

#include <algorithm>

namespace Boucle { } // namespace Boucle
