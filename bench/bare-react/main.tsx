// The yardstick for the app's initial JavaScript: React and ReactDOM rendering one element.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>Hello</p>);
