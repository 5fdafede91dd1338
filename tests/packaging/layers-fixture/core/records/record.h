// A record that breaks the rules of core/records, for the test of check-layers.cmake.
#pragma once

#include "ids.h"              // allowed: core/records
#include "missing.h"          // breaks: not a file of core/records
#include "records/ids.h"      // allowed: core/records
#include "store/storeerror.h" // breaks: outside core/records

#include <QString>          // allowed: Qt
#include <QtCore/QDateTime> // allowed: Qt
#include <opencv2/core.hpp> // breaks: neither Qt nor standard
#include <vector>           // allowed: standard
