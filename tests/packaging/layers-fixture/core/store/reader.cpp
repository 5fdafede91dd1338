// A store file that breaks the rules of core/store, for the test of check-layers.cmake.
#include "reader.h"                    // allowed: core/store
#include "dashboard/dashboardloader.h" // breaks: outside core/
#include "metrics/auditinputs.h"       // breaks: a layer built on the store
#include "records/ids.h"               // allowed: core/records
#include "review/objectreview.h"       // breaks: a layer built on the store

#include <QSqlQuery> // allowed
