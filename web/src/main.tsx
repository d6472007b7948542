import { render } from 'preact';
import { Root } from './root.tsx';
import './styles.css';

const el = document.getElementById('app')!;
render(<Root />, el);
