// The ids the fixture's record includes.
#pragma once
