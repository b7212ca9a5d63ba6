"""The guide (wegwijzer): from one child's situation to a route, by reviewed rules over the content."""
