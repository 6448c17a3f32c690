/** framer-motion's full feature set (layout animations included), loaded after the first paint. */
export { domMax as default } from 'framer-motion';
