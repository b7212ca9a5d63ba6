"""Pictures drawn as SVG on the server: readable without JavaScript, with text alternatives."""
