// Entry of the Electron main process (bundled to out/main/index.js). All the wiring lives in
// ./app; the logic it applies lives in modules that do not import 'electron'.
import './app/index';
